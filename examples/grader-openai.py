#!/usr/bin/env python3
"""A second-opinion grader for prep that asks an OpenAI-compatible chat server (ollama,
llama.cpp's llama-server, vLLM, ...). Standard library only.

prep writes the request JSON on stdin; this prints {"items": {...}, "summary": "..."} on stdout.
Settings come from the environment:
  GRADER_URL    the server's base URL   (default http://localhost:11434/v1, ollama)
  GRADER_MODEL  the model name           (default llama3.1)
  GRADER_KEY    a bearer token, if the server wants one
In config.toml:  [grader]  command = "python3 /path/to/prep/examples/grader-openai.py"
"""
import json
import os
import sys
import urllib.request

INSTRUCTIONS = (
    "You are a strict interviewer grading one answer to a leadership interview question. "
    "For every checklist item, decide from the answer alone whether the candidate did it. "
    "Reply with JSON only, exactly this shape: "
    '{"items": {"<item key>": {"met": true or false, "why": "one short sentence"}}, '
    '"summary": "two sentences: the strongest part and the biggest gap"}. '
    "Use only the item keys given. Notes may be terse; do not reward what is not there."
)


def main():
    request = json.load(sys.stdin)
    checklist = request["checklist"]
    answer = request["answer"]
    lines = [
        "Question: " + request["question"]["prompt"],
        "What it probes: " + "; ".join(request["question"]["probes"]),
        "Checklist:",
    ]
    lines += ["- %s (%s): %s" % (i["key"], i["axis"], i["text"]) for i in checklist]
    lines.append(
        "The answer (%s, spoke %d of %d seconds):"
        % (answer["source"], answer["spoken_secs"], answer["limit_secs"])
    )
    lines.append(answer["text"] or "(nothing written down)")
    body = {
        "model": os.environ.get("GRADER_MODEL", "llama3.1"),
        "messages": [
            {"role": "system", "content": INSTRUCTIONS},
            {"role": "user", "content": "\n".join(lines)},
        ],
        "response_format": {"type": "json_object"},
        "temperature": 0,
    }
    url = os.environ.get("GRADER_URL", "http://localhost:11434/v1").rstrip("/")
    headers = {"Content-Type": "application/json"}
    if os.environ.get("GRADER_KEY"):
        headers["Authorization"] = "Bearer " + os.environ["GRADER_KEY"]
    call = urllib.request.Request(
        url + "/chat/completions", json.dumps(body).encode(), headers
    )
    with urllib.request.urlopen(call, timeout=110) as reply:
        content = json.load(reply)["choices"][0]["message"]["content"]
    graded = json.loads(content)
    # Keep only keys prep asked about, so a model's invented item is dropped, not an error.
    keys = {i["key"] for i in checklist}
    items = {
        k: {"met": bool(v.get("met")), "why": str(v.get("why", ""))}
        for k, v in graded.get("items", {}).items()
        if k in keys and isinstance(v, dict)
    }
    json.dump({"items": items, "summary": str(graded.get("summary", ""))}, sys.stdout)
    print()


if __name__ == "__main__":
    try:
        main()
    except Exception as e:  # prep shows the last line of stderr
        print("grader-openai: %s" % e, file=sys.stderr)
        sys.exit(1)
