## rules messages (en)
