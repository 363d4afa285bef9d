## actuals messages (en)
