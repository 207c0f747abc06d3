'use strict';
// The status bar item: which model docwright uses and what it is doing
// (starting, ready, generating, failed, restarting, stopped). Clicking it shows the output.
const vscode = require('vscode');

const ICONS = {
  starting: '$(sync~spin)', ready: '$(sparkle)', generating: '$(loading~spin)', failed: '$(warning)',
  restarting: '$(sync~spin)', stopped: '$(circle-slash)', off: '$(circle-slash)',
};

class Status {
  constructor() {
    this.item = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Right, 100);
    this.item.command = 'docwright.showOutput';
    this.model = undefined;
    this.state = 'starting';
    this.detail = '';
    this.render();
    this.item.show();
  }

  set(state, detail) {
    this.state = state;
    this.detail = detail || '';
    this.render();
  }

  setModel(model, paid) {
    this.model = model;
    this.paid = paid;
    this.render();
  }

  render() {
    const model = this.model ? ` ${this.model}` : '';
    this.item.text = `${ICONS[this.state] || ''} docwright${model}`.trim();
    this.item.tooltip = `docwright: ${this.state}${this.detail ? ` — ${this.detail}` : ''}`
      + (this.model ? `\nmodel: ${this.model}${this.paid ? ' (hosted: inline suggestions off unless enabled)' : ''}` : '');
  }

  dispose() {
    this.item.dispose();
  }
}

module.exports = { Status };
