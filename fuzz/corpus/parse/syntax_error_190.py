(yield) += 1
