lambda x=: 1
