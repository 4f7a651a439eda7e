"""The benchmark as a script: `python benchmarks/run.py [--quick] [--output FILE]`.

The harness lives in the package (mtcheck/bench.py) so that `mtcheck bench` runs the same code.
"""

from mtcheck.bench import bench_command

if __name__ == "__main__":
    bench_command(prog_name="python benchmarks/run.py")
