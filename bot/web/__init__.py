"""The simple chat page served by `make run` at http://127.0.0.1:8080/."""
