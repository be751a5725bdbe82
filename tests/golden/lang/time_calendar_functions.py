# time.gmtime/localtime/mktime/strftime/asctime/ctime and struct_time, on the
# C library calendar functions as in CPython (the zone-dependent lines compare
# pyco with itself, so they hold on any machine).
import time
print(time.gmtime(0))
print(time.gmtime(1700000000.5).tm_year, time.gmtime(86400 * 365)[0:3], len(time.gmtime()))
t = time.gmtime(1234567890)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %A %b %B %j %p %y %%", t))
print(time.asctime(t), time.strftime("%H:%M", (2024, 2, 29, 13, 5, 0, 3, 60, 0)))
lt = time.localtime(1234567890)
print(time.mktime(lt) == 1234567890, type(t).__name__, t == tuple(t), t.tm_wday, t.tm_yday)
print(time.strftime("%d/%m", time.localtime()) == time.strftime("%d/%m"))
print(len(time.ctime()), type(time.timezone).__name__, len(time.tzname))
try:
    time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e:
    print(e)
