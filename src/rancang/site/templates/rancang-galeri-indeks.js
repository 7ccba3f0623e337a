{#- galeri/indeks.js, the compact index of a paginated gallery (format in gallery.py's docstring): a script,
    not a .json file, so that it also loads from file://. ``indeks`` is JSON (json.dumps, U+2028 and U+2029
    escaped), written as it is: it is data for the script, never HTML. -#}
/* Indeks galeri rancang (dibuat otomatis): dimuat oleh rancang-galeri.js. */
window.rancangGaleriIndeks = {{ indeks }};
{# The line break above ends the file (the engine drops the last one of a template). #}
