try:
 pass
finally:
pass
