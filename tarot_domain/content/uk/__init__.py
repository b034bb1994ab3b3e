"""The Ukrainian pack (українська): the first market's language, formal «ви»."""
