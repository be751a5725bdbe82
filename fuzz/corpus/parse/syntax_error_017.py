class C
 pass
