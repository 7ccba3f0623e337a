{#- One file of the chunked index of a paginated gallery (format in gallery.py's docstring): a script, not a
    .json file, so that it also loads from file://. ``kunci`` (the file's key) and ``nilai`` are JSON
    (json.dumps, U+2028 and U+2029 escaped), written as they are: data for rancang-galeri.js, never HTML. -#}
window.rancangGaleri.terima({{ kunci }}, {{ nilai }});
{# The line break above ends the file (the engine drops the last one of a template). #}
