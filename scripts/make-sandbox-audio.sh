#!/usr/bin/env sh
# Makes the provider sandbox's preview clips (server/src/providers/sandbox/audio/*.m4a) once:
# six 30-second synthesised phrases, each an arpeggio on its own root note, AAC-LC in M4A like
# Apple's previews, mono at a low bitrate so all of them stay small. Needs ffmpeg; the clips
# are committed, so nothing at run time (or on a fresh machine) needs it.
set -eu
out="$(dirname "$0")/../server/src/providers/sandbox/audio"
mkdir -p "$out"
i=1
for root in 220 247 262 294 330 349; do
  # Half-second notes going round root, major third, fifth and octave; each note fades out.
  expr="0.35*sin(2*PI*${root}*pow(2\,(floor(mod(t*2\,4))*4-eq(floor(mod(t*2\,4))\,2))/12)*t)*(1-0.8*mod(t*2\,1))"
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "aevalsrc=${expr}:s=22050:d=30" \
    -ac 1 -c:a aac -b:a 32k -movflags +faststart \
    -metadata title="Muse sandbox preview ${i}" \
    "$out/preview-${i}.m4a"
  i=$((i + 1))
done
ls -l "$out"
