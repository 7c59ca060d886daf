x = f'{a ! r}'
