"""The paragraphs the huge-input and linearity scripts build their texts from: the seed articles' paragraphs, then
KazNERD's sentences (tokens joined by spaces). Imported by those scripts' inline Python."""
import os


def news_paragraphs(seeds, kaznerd):
    paragraphs = []
    for name in sorted(os.listdir(seeds)):
        with open(os.path.join(seeds, name), encoding="utf-8") as f:
            paragraphs += [p.strip() for p in f.read().split("\n") if p.strip()]
    sentence = []
    with open(kaznerd, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                if sentence:
                    paragraphs.append(" ".join(sentence))
                    sentence = []
                continue
            sentence.append(line.split(" ")[0])
    return paragraphs
