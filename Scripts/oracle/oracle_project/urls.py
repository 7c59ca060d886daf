"""Empty root URLconf: the oracle project serves nothing, but `check` wants ROOT_URLCONF."""
urlpatterns = []
