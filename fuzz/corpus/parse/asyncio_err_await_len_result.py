# Awaiting a value that is not awaitable raises TypeError at the await,
# naming the type: "object int can't be used in 'await' expression". Here a
# helper was changed from async to sync and a caller still awaits it; the
# callers that were updated work, and output before the error is kept.
import asyncio


def count_unread(inbox):
    return len([m for m in inbox if not m.startswith("read:")])


async def fetch_inbox(user):
    await asyncio.sleep(0.01)
    return {"ana": ["read:hi", "lunch?", "report"], "bo": []}[user]


async def badge(user):
    inbox = await fetch_inbox(user)
    unread = count_unread(inbox)
    print(f"  {user}: {unread} unread")
    return unread


async def legacy_badge(user):
    inbox = await fetch_inbox(user)
    print(f"  {user}: legacy path, inbox has {len(inbox)} messages")
    return await count_unread(inbox)


async def main():
    print("total:", sum(await asyncio.gather(badge("ana"), badge("bo"))))
    print("legacy:", await legacy_badge("ana"))


asyncio.run(main())
