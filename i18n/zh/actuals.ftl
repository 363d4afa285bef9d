## actuals messages (zh)
