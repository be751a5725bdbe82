yield : True
