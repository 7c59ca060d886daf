# Indentation with tabs, spaces, and both consistently mixed; form feeds.

def tabs(a):
	if a:
		return 1
	else:
		for i in range(a):
			pass
	return 0

def spaces(a):
    if a:
        return 1
      # a comment at an odd indent does not matter
    return 0

def two_spaces():
  x = 1
  while x:
   x -= 1
  return x

def mixed():
	if True:
	        pass  # tab then eight spaces
	        x = 1
	return x

class Form:
      attr = 1  # form feed inside the indentation resets the column count
      other = 2

if True:
    y = 3

x = [
	1,
        2,
  	3]

def deep():
    if 1:
        if 2:
            if 3:
                if 4:
                    pass
    return

def trailing_ws():   
    pass	
   
	
z = 1 
