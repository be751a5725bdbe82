f'{*a b}'
