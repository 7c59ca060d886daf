# Profile is deleted by 0003: the app has no models left.
