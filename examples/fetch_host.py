import asyncio
from web import fetch_data

async def main():
    task1 = asyncio.create_task(fetch_data("https://www.example.com/data1"))
    task2 = asyncio.create_task(fetch_data("https://www.example.com/data2"))
    result1 = await task1
    result2 = await task2
    print(result1)
    print(result2)

if __name__ == "__main__":
    asyncio.run(main())
