# A package's own settings object, as django-oauth-toolkit and django-rest-knox have one: its
# attributes are computed when Python runs, so migplan cannot read them.
class _Settings:
    def __getattr__(self, name):
        return {"TOKEN_MODEL": "grants.Grant"}[name]


grants_settings = _Settings()
