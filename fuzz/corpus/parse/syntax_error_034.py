try:
 pass
except:
pass
