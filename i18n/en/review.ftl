## review messages (en)
