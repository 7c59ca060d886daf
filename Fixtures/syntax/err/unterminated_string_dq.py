name = "unfinished
