// Respondent lists: with JavaScript, a CSV file can be chosen instead of pasted;
// its text goes into the list field, which the form sends as before.
(() => {
  const field = document.getElementById('list-file-field');
  const input = document.getElementById('list-file');
  const list = document.getElementById('list');
  if (!field || !input || !list || !window.FileReader) return;
  field.hidden = false;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      list.value = String(reader.result || '');
      list.focus();
    };
    reader.readAsText(file);
  });
})();
