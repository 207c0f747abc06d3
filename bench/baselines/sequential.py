#!/usr/bin/env python3
"""The seed paper's way of drawing n samples: n requests with n=1, one after another.

Posts the JSON body docwright sends (captured by `docwright-bench perf`) to an OpenAI-compatible
/completions URL N times with "n" removed and seed + i, using only the standard library (urllib).
Prints {"seconds": wall time of the N requests, "completion_tokens": tokens drawn, "requests": N}.

    python3 bench/baselines/sequential.py --url http://127.0.0.1:8012/v1/completions --body body.json --n 5
"""
import argparse
import json
import time
import urllib.request


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", required=True)
    parser.add_argument("--body", required=True, help="file with the JSON request body")
    parser.add_argument("--n", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=900)
    args = parser.parse_args()
    with open(args.body, encoding="utf-8") as f:
        body = json.load(f)
    body.pop("n", None)
    seed = body.get("seed")
    tokens = 0
    started = time.perf_counter()
    for i in range(args.n):
        if seed is not None:
            body["seed"] = seed + i
        request = urllib.request.Request(
            args.url, data=json.dumps(body).encode("utf-8"), headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=args.timeout) as response:
            reply = json.load(response)
        for choice in reply.get("choices", []):
            content = (choice.get("logprobs") or {}).get("content")
            if content is not None:
                tokens += len(content)
            else:
                tokens += (reply.get("usage") or {}).get("completion_tokens", 0)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "completion_tokens": tokens, "requests": args.n}))


if __name__ == "__main__":
    main()
