"""The learned sentence reader: a fine-tuned MiniLM encoder that reads what each sentence says.

It sits beside the rule reader (``backcare.adapters.language``): the rules are precise and explainable, the
model has learned ordinary ways of telling that no phrase list covers. ``merge`` combines the two
readings under a written safety policy. The model runs on the CPU through onnxruntime and the
``tokenizers`` library; it ships in ``model/`` with its model card, and nothing is downloaded.
"""
