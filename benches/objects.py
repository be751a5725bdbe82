# Objects: instances, attribute reads and writes, method calls, inheritance.
class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = 0

    def deposit(self, amount):
        self.balance += amount
        self.history += 1
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history += 1
        return True


class Savings(Account):
    def __init__(self, owner, balance, rate):
        super().__init__(owner, balance)
        self.rate = rate

    def accrue(self):
        return self.deposit(self.balance * self.rate // 100)


class Bank:
    def __init__(self, n):
        self.accounts = [Savings(i, 100 + i, i % 4) for i in range(n)]

    def day(self, d):
        refused = 0
        for a in self.accounts:
            a.deposit(d % 7)
            if not a.withdraw((a.owner * d) % 50):
                refused += 1
        return refused


bank = Bank(2_000)
refused = 0
for d in range(900):
    refused += bank.day(d)
    if d % 50 == 0:
        for a in bank.accounts:
            a.accrue()
print("objects", refused, sum(a.history for a in bank.accounts))
