"""Loads a veriloop export the way its users do (test fixture, run by integration_test):
checks every record against schema.json, then loads the JSONL with pandas and with the Hugging
Face `datasets` library and checks the column types (no int column turned float by nulls).
Prints one JSON line with what it saw; any failed check raises (exit code 1)."""
import json
import os
import sys
import tempfile

out = sys.argv[1]
files = {split: os.path.join(out, name + ".jsonl")
         for split, name in (("train", "train"), ("validation", "val"), ("test", "test"))}
files = {split: path for split, path in files.items() if os.path.getsize(path) > 0}
schema = json.load(open(os.path.join(out, "schema.json")))
python_type = {"string": str, "integer": int}
records = 0
for path in files.values():
    for line in open(path, encoding="utf-8"):
        record = json.loads(line)
        records += 1
        assert set(record) == set(schema["required"]), sorted(set(record) ^ set(schema["required"]))
        for key, prop in schema["properties"].items():
            assert type(record[key]) is python_type[prop["type"]], (key, record[key])
        assert isinstance(json.loads(record["evidence"]), dict)
        if record["waveform"]:
            assert os.path.isfile(os.path.join(out, record["waveform"])), record["waveform"]

import pandas

frame = pandas.concat([pandas.read_json(p, lines=True) for p in files.values()])
for column in ("line", "column"):
    assert str(frame[column].dtype) == "int64", (column, frame[column].dtype)
for column in ("id", "label", "bug_class", "evidence", "waveform"):
    assert frame[column].dtype == object and frame[column].map(type).eq(str).all(), column

os.environ["HF_DATASETS_OFFLINE"] = "1"
os.environ["HF_HUB_OFFLINE"] = "1"
from datasets import load_dataset  # noqa: E402

with tempfile.TemporaryDirectory() as cache:
    loaded = load_dataset("json", data_files=files, cache_dir=cache)
    features = {}
    for split in loaded:
        f = loaded[split].features
        features = {k: getattr(v, "dtype", str(v)) for k, v in f.items()}
        assert features["line"] == "int64" and features["column"] == "int64", features
        assert features["evidence"] == "string" and features["label"] == "string", features
    splits = {split: len(loaded[split]) for split in loaded}
print(json.dumps({"records": records, "pandas_rows": len(frame), "splits": splits,
                  "line_dtype": features["line"]}))
