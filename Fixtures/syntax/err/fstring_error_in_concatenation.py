uu = (f'{x}'
      f'}{y}'
      'z')
