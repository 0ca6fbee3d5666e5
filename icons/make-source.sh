#!/usr/bin/env bash
# Draws icons/source.png (1024x1024), the source of every app icon. Needs ImageMagick 6.
# Regenerate the set from it with: ./ui/node_modules/.bin/tauri icon icons/source.png -o icons
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Background: a rounded square with a deep teal -> indigo diagonal gradient.
convert -size 1600x1600 gradient:'#0f766e'-'#312e81' -rotate -45 +repage -gravity center -crop 1024x1024+0+0 +repage \
  "$tmp/grad.png"
convert -size 1024x1024 xc:black -fill white \
  -draw "rectangle 236,56 788,968" -draw "rectangle 56,236 968,788" \
  -draw "circle 236,236 236,56" -draw "circle 788,236 788,56" \
  -draw "circle 236,788 236,968" -draw "circle 788,788 788,968" "$tmp/mask.png"
convert "$tmp/grad.png" "$tmp/mask.png" -alpha off -compose CopyOpacity -composite "$tmp/bg.png"

# Two people standing on one baseline: one behind (translucent), one in front (white).
base=775
person() { # cx cy colour out
  local cx=$1 cy=$2 sy=$(( $2 + 330 ))
  convert -size 1024x1024 xc:none -fill "$3" \
    -draw "circle $cx,$cy $(( cx + 112 )),$cy" \
    -draw "ellipse $cx,$sy 210,190 180,360" \
    -draw "rectangle $(( cx - 210 )),$sy $(( cx + 210 )),$base" "$4"
}
person 405 330 white "$tmp/back0.png"
convert "$tmp/back0.png" -channel A -evaluate multiply 0.55 +channel "$tmp/back.png"
person 610 400 'white' "$tmp/front.png"
# A gap (the front figure grown by a few pixels) separates the two figures.
convert "$tmp/front.png" -alpha extract -morphology Dilate Disk:22 "$tmp/gap.png"
convert "$tmp/back.png" \( "$tmp/gap.png" -negate \) -alpha off -compose CopyOpacity -composite "$tmp/back-cut0.png"
convert "$tmp/back.png" "$tmp/back-cut0.png" -compose DstIn -composite "$tmp/back-cut.png"
convert "$tmp/back-cut.png" "$tmp/front.png" -compose Over -composite "$tmp/people.png"

convert "$tmp/bg.png" "$tmp/people.png" -compose Over -composite -strip PNG32:source.png
