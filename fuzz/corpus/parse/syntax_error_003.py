else:
