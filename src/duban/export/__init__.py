"""Files in and out: Excel and CSV sheets an office reads and writes."""
