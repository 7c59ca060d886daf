# vim: set fileencoding=utf-8 :
s = 'été'; t = 1
