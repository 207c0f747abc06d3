"""rass preset for docwright beside other language servers (pip install rassumfrassum).

    rass /path/to/docwright-rass.py -- pylsp -- docwright lsp

rass sends most requests it has no rule for to the first server only. This preset adds
nothing but rules for what docwright serves: textDocument/inlineCompletion (ghost text)
goes to the servers that offer it. Everything else is rass's own routing.
"""

from rassumfrassum.frassum import LspLogic


class DocwrightLogic(LspLogic):
    async def on_client_request(self, method, params, servers):
        if method == 'textDocument/inlineCompletion':
            return [s for s in servers if s.caps.get('inlineCompletionProvider')][:1]
        return await super().on_client_request(method, params, servers)


def logic_class():
    return DocwrightLogic
