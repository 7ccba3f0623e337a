from rancang.cli import run

run()
