#!/usr/bin/env bash
# make-audio.sh: synthesises every sound of Complaint Dojo (投诉应对实训) with SoX.
#
# No recordings, no downloads: every file is built here from sox `synth`
# (sine, square, triangle, sawtooth, pink/brown/white noise) and sox effects.
#
#   apt-get install -y sox libsox-fmt-all     # libsox-fmt-all gives Ogg Vorbis (and MP3 if built with it)
#   bash tools/make-audio.sh                   # writes the .ogg files to assets/audio/
#
# Output: Ogg Vorbis, 22050 Hz, mono, quality 3. An .mp3 of each file is
# written as well, but only when this sox can write MP3.
# Runs with `sox -R` (repeatable mode) and a fixed awk seed, so the same sox
# build gives the same sounds every time.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${OUT:-$HERE/../assets/audio}
RATE=22050
OGG_Q=3
AMBIENT_RMS_DB=-24   # ambient loops sit under dialogue

command -v sox >/dev/null || { echo "make-audio.sh: sox not found (apt-get install -y sox libsox-fmt-all)" >&2; exit 1; }
sox -h | grep -qiw vorbis || { echo "make-audio.sh: this sox cannot write Ogg Vorbis (apt-get install -y libsox-fmt-all)" >&2; exit 1; }

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

MP3=0
if sox -r "$RATE" -c 1 -n "$TMP/probe.mp3" trim 0 0.1 2>/dev/null; then MP3=1; fi

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

# gen OUT [effects...]: synthesise from nothing (mono, 22050 Hz)
gen() { local o=$1; shift; sox -R -r "$RATE" -c 1 -n "$o" "$@"; }
# genc CHANNELS OUT [effects...]: same with several channels (one partial per channel, then remix)
genc() { local c=$1 o=$2; shift 2; sox -R -r "$RATE" -c "$c" -n "$o" "$@"; }
# fx IN OUT [effects...]
fx() { local i=$1 o=$2; shift 2; sox -R "$i" "$o" "$@"; }
# mix OUT IN1 IN2 ...: plain sum, no automatic scaling (use `vol` on the inputs to weight them)
mix() { local o=$1; shift; local a=(); for f in "$@"; do a+=(-v 1 "$f"); done; sox -R -m "${a[@]}" "$o"; }
# silence OUT SECONDS
silence() { gen "$1" trim 0 "$2"; }
calc() { awk "BEGIN{printf \"%.6f\", $*}"; }
samples() { awk "BEGIN{printf \"%d\", ($1)*$RATE + 0.5}"; }
rms_db() { sox "$1" -n stat 2>&1 | awk '/^RMS +amplitude/{printf "%.3f", 20*log($3)/log(10)}'; }

# tone OUT LEN T100 "freq:amp freq:amp ..." [wave] [attack]
#   a struck note: sum of partials, short attack, exponential decay that would
#   reach -100 dB at T100 seconds; cut at LEN with a 40 ms tail fade.
tone() {
  local o=$1 len=$2 t100=$3 spec=$4 wave=${5:-sine} att=${6:-0.004}
  local n=0 syn=() rm="" p
  for p in $spec; do n=$((n + 1)); syn+=("$wave" "${p%%:*}"); rm+="${rm:+,}${n}v$(calc "${p##*:} * 0.5")"; done
  local full=$t100; [ "$(calc "($len > $t100)")" = "1.000000" ] && full=$len
  genc "$n" "$o" synth "$full" "${syn[@]}" remix "$rm" fade t "$att" fade l 0 "$t100" "$t100" \
    trim 0 "$len" fade t 0 "$len" 0.04
}

# pad OUT LEN ATTACK RELEASE "freq:amp ..." [wave]: a sustained swell
padnote() {
  local o=$1 len=$2 att=$3 rel=$4 spec=$5 wave=${6:-sine}
  local n=0 syn=() rm="" p
  for p in $spec; do n=$((n + 1)); syn+=("$wave" "${p%%:*}"); rm+="${rm:+,}${n}v$(calc "${p##*:} * 0.5")"; done
  genc "$n" "$o" synth "$len" "${syn[@]}" remix "$rm" fade h "$att" "$len" "$rel"
}

# place OUT LEN < lines "file time gain": puts each file at its time on a
# silent track LEN seconds long (files may run past LEN; the track grows).
place() {
  local o=$1 len=$2 f t g a=()
  silence "$TMP/_base.sox" "$len"
  a+=(-v 1 "$TMP/_base.sox")
  while read -r f t g; do
    [ -n "$f" ] || continue
    a+=(-v "$g" "|sox -R $f -p pad $t")
  done
  sox -R -m "${a[@]}" "$o"
}

# loopify IN OUT LEN XF: IN is at least LEN+XF s of non-periodic material
# (noise beds). The XF seconds after LEN are crossfaded (equal power) into the
# first XF seconds, so OUT (exactly LEN s) loops without a seam.
loopify() {
  local i=$1 o=$2 n x
  n=$(samples "$3"); x=$(samples "$4")
  fx "$i" "$TMP/_h.sox" trim 0 "${x}s" fade q "${x}s"
  fx "$i" "$TMP/_t.sox" trim "${n}s" "${x}s" fade q 0 "${x}s" "${x}s"
  fx "$i" "$TMP/_b.sox" trim "${x}s" "$((n - x))s"
  mix "$TMP/_x.sox" "$TMP/_h.sox" "$TMP/_t.sox"
  sox -R "$TMP/_x.sox" "$TMP/_b.sox" "$o"
}

# wrap IN OUT LEN: circular wrap of an event track: whatever rings on past LEN
# (tails, reverb) is added back onto the start, so the loop point is seamless.
wrap() {
  local i=$1 o=$2 n
  n=$(samples "$3")
  fx "$i" "$TMP/_wa.sox" trim 0 "${n}s"
  fx "$i" "$TMP/_wb.sox" trim "${n}s"
  mix "$o" "$TMP/_wa.sox" "$TMP/_wb.sox"
}

# encode IN NAME: write NAME.ogg (and NAME.mp3 when possible)
encode() {
  local i=$1 name=$2
  sox -R "$i" -r "$RATE" -c 1 -C "$OGG_Q" "$OUT/$name.ogg"
  if [ "$MP3" = 1 ]; then sox -R "$i" -r "$RATE" -c 1 -C 48 "$OUT/$name.mp3"; fi
  printf '  %-28s %6.2f s\n' "$name" "$(sox --i -D "$OUT/$name.ogg")"
}

# at DB IN OUT: set a layer to DB dBFS RMS
at() { local db=$1 i=$2 o=$3; fx "$i" "$o" gain "$(calc "$db - ($(rms_db "$i"))")"; }

# finish_ambient NAME LEN BED EVENTS [TONES]: assemble one seamless loop at -24 dBFS RMS.
#   BED    LEN+XF s of noise (crossfaded at the loop point)
#   EVENTS an event track at least LEN s long (its overhang is wrapped round)
#   TONES  LEN+1 s of material that repeats exactly every LEN s (the first
#          second, where filters settle, is dropped)
# Everything is high-passed at 45 Hz: sub-bass only eats level on small speakers.
finish_ambient() {
  local name=$1 len=$2 bed=$3 ev=$4 tones=${5:-} n layers=()
  n=$(samples "$len")
  fx "$bed" "$TMP/$name.bedh.sox" highpass 45
  loopify "$TMP/$name.bedh.sox" "$TMP/$name.bedl.sox" "$len" "$XF"
  # tame the transients (key clicks, knocks) so nothing pokes out of the bed:
  # 4:1 above a threshold 9 dB over the event track's own RMS level
  local th
  th=$(calc "$(rms_db "$ev") + 9")
  fx "$ev" "$TMP/$name.evh.sox" highpass 45 compand 0.002,0.15 "6:-90,-90,$th,$th,0,$(calc "$th * 0.75")" 0 -90 0.002
  wrap "$TMP/$name.evh.sox" "$TMP/$name.evl.sox" "$len"
  layers=("$TMP/$name.bedl.sox" "$TMP/$name.evl.sox")
  if [ -n "$tones" ]; then
    fx "$tones" "$TMP/$name.tone.sox" highpass 45 trim "${RATE}s" "${n}s"
    layers+=("$TMP/$name.tone.sox")
  fi
  mix "$TMP/$name.mix.sox" "${layers[@]}"
  # gentle peak control on the finished loop. compand has memory, so run it over
  # three copies of the loop and keep the middle one: that copy is still seamless.
  at "$AMBIENT_RMS_DB" "$TMP/$name.mix.sox" "$TMP/$name.m1.sox"
  sox -R "$TMP/$name.m1.sox" "$TMP/$name.m1.sox" "$TMP/$name.m1.sox" "$TMP/$name.m3.sox" \
    compand 0.001,0.12 "3:-90,-90,-15,-15,0,-11" 0 -90 0.001 trim "${n}s" "${n}s"
  at "$AMBIENT_RMS_DB" "$TMP/$name.m3.sox" "$TMP/$name.final.sox"
  encode "$TMP/$name.final.sox" "ambient-$name"
}

# noise OUT LEN KIND OFFSET [effects...]: noise from a different stretch of the
# generator each time (sox -R restarts the same random sequence in every call)
noise() {
  local o=$1 len=$2 kind=$3 off=$4; shift 4
  gen "$o" synth "$(calc "$len + $off + 0.01")" "$kind" trim "$off" "$len" vol 0.5 "$@"
}

# ---------------------------------------------------------------------------
# shared sound material for the ambients
# ---------------------------------------------------------------------------
M=$TMP/mat
mkdir -p "$M"

# speech-like syllables: a buzzy voiced sweep through two formant filters
make_syllables() {
  local i f0 f1 d fa fb
  i=0
  # f0-start f0-end  duration  formant-a formant-b
  for s in "118 104 0.16 520 1500" "132 150 0.22 700 1200" "105 96 0.30 450 1900" "210 190 0.18 800 1700" \
           "230 250 0.24 600 2300" "190 170 0.34 380 2100" "125 140 0.12 650 1100" "240 205 0.20 900 1400" \
           "98 90 0.26 500 1000" "180 200 0.15 420 2500" "145 120 0.28 750 1250" "205 225 0.22 350 2000"; do
    set -- $s; f0=$1 f1=$2 d=$3 fa=$4 fb=$5
    gen "$TMP/_sa.sox" synth "$d" sawtooth "$f0-$f1" vol 0.4 bandpass "$fa" 0.9o
    gen "$TMP/_sb.sox" synth "$d" sawtooth "$f0-$f1" vol 0.18 bandpass "$fb" 0.9o
    noise "$TMP/_sn.sox" "$d" pinknoise "$(calc "$i * 0.31 + 0.1")" bandpass "$fb" 1o vol 0.08
    mix "$TMP/_sm.sox" "$TMP/_sa.sox" "$TMP/_sb.sox" "$TMP/_sn.sox"
    fx "$TMP/_sm.sox" "$M/syl$i.sox" fade h "$(calc "$d * 0.35")" "$d" "$(calc "$d * 0.45")" norm -6
    i=$((i + 1))
  done
}
make_syllables
NSYL=12

# key clicks (keyboard), 4 variants
for k in 0 1 2 3; do
  c=$(( 2200 + k * 600 ))
  noise "$TMP/_k1.sox" 0.03 whitenoise "$(calc "$k * 0.05")" bandpass "$c" 1.2o fade l 0 0.03 0.03
  gen "$TMP/_k2.sox" synth 0.04 sine "$(( 260 + k * 45 ))" fade l 0 0.04 0.04 trim 0 0.03 vol 0.5
  mix "$TMP/_k3.sox" "$TMP/_k1.sox" "$TMP/_k2.sox"
  fx "$TMP/_k3.sox" "$M/key$k.sox" norm -6
done

# glass / cutlery clinks, 4 variants (inharmonic partials, fast decay)
tone "$M/clink0.sox" 0.35 0.7 "2630:0.6 4120:0.3 6020:0.15"
tone "$M/clink1.sox" 0.30 0.5 "3180:0.6 5230:0.25 7210:0.1"
tone "$M/clink2.sox" 0.40 0.9 "1870:0.5 2950:0.4 4680:0.2"
tone "$M/clink3.sox" 0.20 0.25 "2410:0.5 3890:0.4 6490:0.2" sine 0.001
for k in 0 1 2 3; do fx "$M/clink$k.sox" "$M/clink$k.n.sox" norm -6; mv "$M/clink$k.n.sox" "$M/clink$k.sox"; done

# a soft desk-phone trill: two alternating tones, 25 ms each
gen "$TMP/_p1.sox" synth 0.025 sine 1350
gen "$TMP/_p2.sox" synth 0.025 sine 1700
sox -R "$TMP/_p1.sox" "$TMP/_p2.sox" "$TMP/_pp.sox"
fx "$TMP/_pp.sox" "$TMP/_pr.sox" repeat 7 fade h 0.02 0.39 0.05 lowpass 2500
sox -R "$TMP/_pr.sox" "$M/phone.sox" pad 0 0.25 norm -6   # one trill; two make a ring
sox -R "$M/phone.sox" "$M/phone.sox" "$M/ring.sox"

# headset "incoming call" blip: two short soft notes
tone "$TMP/_b1.sox" 0.12 0.5 "880:0.7 1760:0.1"
tone "$TMP/_b2.sox" 0.20 0.6 "1175:0.7 2350:0.1"
sox -R "$TMP/_b1.sox" "$TMP/_b2.sox" "$M/blip.sox" norm -6

# public-address chime (station): three vibraphone-like notes, falling
tone "$TMP/_c1.sox" 0.55 2.5 "659.25:0.7 1318.5:0.15 2637:0.04"
tone "$TMP/_c2.sox" 0.55 2.5 "523.25:0.7 1046.5:0.15 2093:0.04"
tone "$TMP/_c3.sox" 1.6 2.8 "392.00:0.7 784:0.15 1568:0.04"
sox -R "$TMP/_c1.sox" "$TMP/_c2.sox" "$TMP/_c3.sox" "$M/pachime.sox" norm -6

# queue-number "ding-dong" (service counter)
tone "$TMP/_d1.sox" 0.5 2.2 "784:0.7 1568:0.12 2352:0.04"
tone "$TMP/_d2.sox" 1.4 2.6 "622.25:0.7 1244.5:0.12 1866.8:0.04"
sox -R "$TMP/_d1.sox" "$TMP/_d2.sox" "$M/dingdong.sox" norm -6

# ticket / receipt printer: a short gritty buzz
noise "$TMP/_pt.sox" 0.7 whitenoise 0.2 bandpass 1800 1.5o tremolo 38 90 fade h 0.03 0.7 0.05
gen "$TMP/_pm.sox" synth 0.7 square 190 vol 0.5 lowpass 900 fade h 0.03 0.7 0.05 vol 0.3
mix "$TMP/_pq.sox" "$TMP/_pt.sox" "$TMP/_pm.sox"
fx "$TMP/_pq.sox" "$M/printer.sox" norm -6

# rubber-stamp / paper thump
noise "$TMP/_th.sox" 0.08 brownnoise 0.4 lowpass 500 fade l 0 0.08 0.08
gen "$TMP/_tb.sox" synth 0.1 sine 110 vol 0.5 fade l 0 0.1 0.1 trim 0 0.08
mix "$TMP/_tt.sox" "$TMP/_th.sox" "$TMP/_tb.sox"
fx "$TMP/_tt.sox" "$M/thump.sox" norm -6

# barcode scanner beep
gen "$M/scan.sox" synth 0.09 sine 2350 fade t 0.004 0.09 0.01 lowpass 4000 norm -6

# hotel reception bell: bright inharmonic "ding" with a long ring
tone "$M/bell.sox" 2.5 5 "2093:0.6 4230:0.18 5570:0.1 6290:0.05 1046:0.05"
fx "$M/bell.sox" "$M/bell.n.sox" norm -6; mv "$M/bell.n.sox" "$M/bell.sox"

# forklift reverse beeper: three beeps
genc 2 "$TMP/_fb.sox" synth 0.35 sine 1040 sine 3120 remix 1v0.45,2v0.06 fade t 0.01 0.35 0.02 pad 0 0.35
fx "$TMP/_fb.sox" "$M/forklift.sox" repeat 2 norm -6

# metal clank (warehouse, site)
tone "$TMP/_mk.sox" 0.6 1.2 "312:0.5 743:0.4 1290:0.3 2170:0.15 3330:0.08" sine 0.001
noise "$TMP/_mn.sox" 0.05 whitenoise 0.7 bandpass 2500 1o fade l 0 0.05 0.05
mix "$TMP/_mc.sox" "$TMP/_mk.sox" "$TMP/_mn.sox"
fx "$TMP/_mc.sox" "$M/clank.sox" norm -6

# hammer knock (site): short, woody-metallic
tone "$TMP/_hk.sox" 0.18 0.35 "420:0.6 1010:0.3 1790:0.15" sine 0.001
noise "$TMP/_hn.sox" 0.03 whitenoise 0.9 bandpass 1500 1o fade l 0 0.03 0.03
mix "$TMP/_hm.sox" "$TMP/_hk.sox" "$TMP/_hn.sox"
fx "$TMP/_hm.sox" "$M/knock.sox" norm -6

# rail-joint click (train): a low knock with a little metal
tone "$TMP/_rk.sox" 0.22 0.4 "95:0.6 190:0.35 870:0.14 1530:0.09 2410:0.04" sine 0.002
noise "$TMP/_rn.sox" 0.06 brownnoise 1.1 lowpass 1500 fade l 0 0.06 0.06
mix "$TMP/_rm.sox" "$TMP/_rk.sox" "$TMP/_rn.sox"
fx "$TMP/_rm.sox" "$M/rail.sox" norm -6

# footstep (soft heel on hard floor)
noise "$TMP/_fs.sox" 0.07 brownnoise 1.3 lowpass 900 highpass 120 fade t 0.003 0.07 0.06
gen "$TMP/_ft.sox" synth 0.08 sine 95 fade l 0 0.08 0.08 trim 0 0.05 vol 0.4
mix "$TMP/_fm.sox" "$TMP/_fs.sox" "$TMP/_ft.sox"
fx "$TMP/_fm.sox" "$M/step.sox" norm -6

# ---------------------------------------------------------------------------
# event schedules (awk with fixed seeds, so every run makes the same loop)
# ---------------------------------------------------------------------------

# talk SEED LEN SPEAKERS GAIN: phrases of syllables from several speakers
talk() {
  awk -v seed="$1" -v len="$2" -v nsp="$3" -v g="$4" -v m="$M" -v nsyl="$NSYL" 'BEGIN{
    srand(seed)
    for (s = 0; s < nsp; s++) {
      t = rand() * 1.5; sg = g * (0.5 + rand() * 0.6); base = int(rand() * nsyl)
      while (t < len) {
        n = 3 + int(rand() * 9)                        # syllables in the phrase
        for (k = 0; k < n && t < len; k++) {
          v = (base + int(rand() * 5)) % nsyl           # each speaker keeps to a few syllables (a voice)
          printf "%s/syl%d.sox %.3f %.3f\n", m, v, t, sg * (0.55 + rand() * 0.45)
          t += 0.13 + rand() * 0.17
        }
        t += 0.5 + rand() * 2.2                         # pause between phrases
      }
    }}'
}

# typing SEED LEN BURSTS GAIN: bursts of key clicks
typing() {
  awk -v seed="$1" -v len="$2" -v nb="$3" -v g="$4" -v m="$M" 'BEGIN{
    srand(seed)
    for (b = 0; b < nb; b++) {
      t = rand() * len; n = 6 + int(rand() * 18); bg = g * (0.5 + rand() * 0.5)
      for (k = 0; k < n; k++) {
        printf "%s/key%d.sox %.3f %.3f\n", m, int(rand() * 4), t, bg * (0.6 + rand() * 0.4)
        t += 0.07 + rand() * 0.12; if (rand() < 0.08) t += 0.35
      }
    }}'
}

# scatter SEED LEN COUNT GAIN FILE...: COUNT events picked from FILEs at random times
scatter() {
  local seed=$1 len=$2 cnt=$3 g=$4; shift 4
  awk -v seed="$seed" -v len="$len" -v cnt="$cnt" -v g="$g" -v files="$*" 'BEGIN{
    srand(seed); nf = split(files, f, " ")
    for (i = 0; i < cnt; i++)
      printf "%s %.3f %.3f\n", f[1 + int(rand() * nf)], rand() * len, g * (0.5 + rand() * 0.5)
  }'
}

# steps SEED START COUNT INTERVAL GAIN: a walker passing by
steps() {
  awk -v seed="$1" -v t="$2" -v n="$3" -v dt="$4" -v g="$5" -v m="$M" 'BEGIN{
    srand(seed)
    for (i = 0; i < n; i++) {
      x = i / (n - 1); amp = g * (0.3 + 0.7 * sin(3.14159 * x))   # comes closer, then goes away
      printf "%s/step.sox %.3f %.3f\n", m, t + i * dt + (rand() - 0.5) * 0.03, amp
    }}'
}

# murmur bed: slowly breathing band-passed noise under the syllables
# murmur_bed OUT LEN OFFSET CENTRE
murmur_bed() {
  local o=$1 len=$2 off=$3 c=$4 i parts=()
  for i in 0 1 2; do
    noise "$TMP/_mb$i.sox" "$len" pinknoise "$(calc "$off + $i * 2.3")" \
      bandpass "$(calc "$c * (0.7 + 0.45 * $i)")" 1.3o \
      tremolo "$(calc "3.1 + 1.3 * $i")" 70 tremolo "$(calc "0.17 + 0.11 * $i")" 60 vol 0.5
    parts+=("$TMP/_mb$i.sox")
  done
  mix "$o" "${parts[@]}"
}

# ---------------------------------------------------------------------------
# ambient loops
# ---------------------------------------------------------------------------
echo "ambient loops:"
XF=3   # seconds of bed crossfaded into the loop start

amb_call_centre() {
  local L=16 B=$TMP/cc
  # air conditioning, room hiss, and the blur of many agents talking
  noise "$B.a0.sox" $((L + XF)) brownnoise 0.5 lowpass 250;                 at -38 "$B.a0.sox" "$B.a.sox"
  noise "$B.h0.sox" $((L + XF)) pinknoise 5.5 lowpass 1800 highpass 300;    at -46 "$B.h0.sox" "$B.h.sox"
  murmur_bed "$B.m0.sox" $((L + XF)) 11 600; fx "$B.m0.sox" "$B.m1.sox" lowpass 2000; at -33 "$B.m1.sox" "$B.m.sox"
  mix "$B.bed.sox" "$B.a.sox" "$B.h.sox" "$B.m.sox"
  # nearer voices, keyboards and headset call blips
  { talk 101 $L 5 0.16; typing 102 $L 6 0.12; scatter 103 $L 2 0.07 "$M/blip.sox"; } |
    place "$B.e0.sox" $((L + 3))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 3500 reverb 25 50 40 0 0 -4
  at -25 "$B.e1.sox" "$B.ev.sox"
  finish_ambient call-centre $L "$B.bed.sox" "$B.ev.sox"
}

amb_service_counter() {
  local L=16 B=$TMP/sc
  noise "$B.a0.sox" $((L + XF)) brownnoise 1.5 lowpass 300;                 at -38 "$B.a0.sox" "$B.a.sox"
  murmur_bed "$B.m0.sox" $((L + XF)) 21 550; fx "$B.m0.sox" "$B.m1.sox" lowpass 1800; at -33 "$B.m1.sox" "$B.m.sox"
  mix "$B.bed.sox" "$B.a.sox" "$B.m.sox"
  # a few voices, the queue-number chime, a ticket printer, a stamp, someone walking up
  {
    talk 201 $L 3 0.12
    echo "$M/dingdong.sox 4.2 0.10"
    echo "$M/printer.sox 9.6 0.05"
    echo "$M/thump.sox 11.1 0.10"; echo "$M/thump.sox 11.5 0.08"
    steps 202 1.0 9 0.55 0.09
  } | place "$B.e0.sox" $((L + 4))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 3000 reverb 45 50 70 0 10 -3
  at -26 "$B.e1.sox" "$B.ev.sox"
  finish_ambient service-counter $L "$B.bed.sox" "$B.ev.sox"
}

amb_station() {
  local L=18 B=$TMP/st
  # a big hall: low air, a reverberant crowd wash, footsteps, one soft announcement chime
  noise "$B.a0.sox" $((L + XF)) brownnoise 2.5 lowpass 180;                 at -36 "$B.a0.sox" "$B.a.sox"
  murmur_bed "$B.m0.sox" $((L + XF)) 31 500
  fx "$B.m0.sox" "$B.m1.sox" lowpass 1500 reverb 90 60 100 0 30 -2;        at -29 "$B.m1.sox" "$B.m.sox"
  mix "$B.bed.sox" "$B.a.sox" "$B.m.sox"
  {
    talk 301 $L 6 0.09
    steps 302 2.0 14 0.5 0.07
    steps 303 9.5 12 0.58 0.06
    echo "$M/pachime.sox 6.0 0.12"
  } | place "$B.e0.sox" $((L + 5))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 2600 reverb 95 40 100 0 40 0
  at -26 "$B.e1.sox" "$B.ev.sox"
  finish_ambient station $L "$B.bed.sox" "$B.ev.sox"
}

amb_train() {
  local L=16 B=$TMP/tr
  # rumble that swells and eases (tremolo: whole cycles per loop), and air hiss in the carriage
  noise "$B.r0.sox" $((L + XF)) brownnoise 3.5 lowpass 220 tremolo 0.25 25;   at -28 "$B.r0.sox" "$B.r.sox"
  noise "$B.h0.sox" $((L + XF)) pinknoise 4.5 lowpass 2500 highpass 400 tremolo 0.5 20; at -40 "$B.h0.sox" "$B.h.sox"
  mix "$B.bed.sox" "$B.r.sox" "$B.h.sox"
  # rail joints: "da-dum ... da-dum" as the bogies of two cars pass each joint, every 2 s
  {
    for t in 0.5 2.5 4.5 6.5 8.5 10.5 12.5 14.5; do
      echo "$M/rail.sox $t 0.30"
      echo "$M/rail.sox $(calc "$t + 0.14") 0.24"
      echo "$M/rail.sox $(calc "$t + 0.86") 0.20"
      echo "$M/rail.sox $(calc "$t + 1.00") 0.17"
    done
    talk 401 $L 1 0.04
  } | place "$B.e0.sox" $((L + 2))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 2500 reverb 20 60 30 0 0 -6
  at -27 "$B.e1.sox" "$B.ev.sox"
  # a faint motor whine, 96 Hz and 192 Hz, whole cycles per loop
  genc 2 "$B.t0.sox" synth $((L + 1)) sine 96 sine 192 remix 1v0.3,2v0.12 tremolo 0.25 30
  at -42 "$B.t0.sox" "$B.tone.sox"
  finish_ambient train $L "$B.bed.sox" "$B.ev.sox" "$B.tone.sox"
}

amb_shop() {
  local L=16 B=$TMP/sh
  noise "$B.a0.sox" $((L + XF)) brownnoise 4.5 lowpass 300;                 at -38 "$B.a0.sox" "$B.a.sox"
  murmur_bed "$B.m0.sox" $((L + XF)) 41 650; fx "$B.m0.sox" "$B.m1.sox" lowpass 1800; at -35 "$B.m1.sox" "$B.m.sox"
  mix "$B.bed.sox" "$B.a.sox" "$B.m.sox"
  # far-off in-store music: four soft chords (I vi IV V), four seconds each
  local i=0 c
  for c in "261.63 329.63 392.00 130.81" "220.00 261.63 329.63 110.00" "174.61 220.00 261.63 87.31" "196.00 246.94 293.66 98.00"; do
    set -- $c
    padnote "$B.ch$i.sox" 4.6 0.6 1.2 "$1:0.3 $2:0.25 $3:0.25 $4:0.3" triangle
    i=$((i + 1))
  done
  { for i in 0 1 2 3; do echo "$B.ch$i.sox $((i * 4)) 0.06"; done; } | place "$B.mu0.sox" $((L + 1))
  fx "$B.mu0.sox" "$B.mu1.sox" lowpass 1200 tremolo 0.5 15
  at -34 "$B.mu1.sox" "$B.mu.sox"
  # a couple of shoppers, scanner beeps at the till, footsteps
  {
    talk 501 $L 2 0.10
    echo "$M/scan.sox 2.3 0.05"; echo "$M/scan.sox 3.1 0.05"; echo "$M/scan.sox 7.8 0.05"; echo "$M/scan.sox 13.4 0.05"
    steps 502 5.0 10 0.52 0.08
  } | place "$B.e0.sox" $((L + 3))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 3500
  at -27 "$B.e1.sox" "$B.e2.sox"
  mix "$B.e3.sox" "$B.e2.sox" "$B.mu.sox"
  fx "$B.e3.sox" "$B.ev.sox" reverb 40 50 60 0 5 -4
  finish_ambient shop $L "$B.bed.sox" "$B.ev.sox"
}

amb_restaurant() {
  local L=16 B=$TMP/rs
  noise "$B.a0.sox" $((L + XF)) brownnoise 5.5 lowpass 250;                 at -40 "$B.a0.sox" "$B.a.sox"
  murmur_bed "$B.m0.sox" $((L + XF)) 51 600; fx "$B.m0.sox" "$B.m1.sox" lowpass 2200; at -30 "$B.m1.sox" "$B.m.sox"
  mix "$B.bed.sox" "$B.a.sox" "$B.m.sox"
  # busy tables: many voices, glasses and cutlery, the odd plate set down
  {
    talk 601 $L 6 0.11
    scatter 602 $L 12 0.07 "$M/clink0.sox" "$M/clink1.sox" "$M/clink2.sox" "$M/clink3.sox"
    scatter 603 $L 3 0.06 "$M/thump.sox"
  } | place "$B.e0.sox" $((L + 3))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 5000 reverb 40 40 60 0 5 -4
  at -25 "$B.e1.sox" "$B.ev.sox"
  finish_ambient restaurant $L "$B.bed.sox" "$B.ev.sox"
}

amb_office() {
  local L=16 B=$TMP/of
  noise "$B.a0.sox" $((L + XF)) brownnoise 6.5 lowpass 220;                 at -35 "$B.a0.sox" "$B.a.sox"
  noise "$B.f0.sox" $((L + XF)) pinknoise 7.5 bandpass 400 2o;              at -40 "$B.f0.sox" "$B.f.sox"
  mix "$B.bed.sox" "$B.a.sox" "$B.f.sox"
  # keyboards, mouse clicks, one quiet voice, a desk phone trilling softly
  {
    typing 701 $L 4 0.07
    talk 702 $L 1 0.05
    echo "$M/ring.sox 9.0 0.03"
    scatter 703 $L 3 0.04 "$M/key0.sox"
  } | place "$B.e0.sox" $((L + 3))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 4000 reverb 30 50 40 0 0 -6
  at -27 "$B.e1.sox" "$B.ev.sox"
  # fluorescent-light / mains hum: 100 Hz and harmonics, whole cycles per loop
  genc 3 "$B.t0.sox" synth $((L + 1)) sine 100 sine 200 sine 300 remix 1v0.3,2v0.12,3v0.06
  at -40 "$B.t0.sox" "$B.tone.sox"
  finish_ambient office $L "$B.bed.sox" "$B.ev.sox" "$B.tone.sox"
}

amb_warehouse() {
  local L=18 B=$TMP/wh
  noise "$B.a0.sox" $((L + XF)) brownnoise 8.5 lowpass 180;                 at -32 "$B.a0.sox" "$B.a.sox"
  noise "$B.h0.sox" $((L + XF)) pinknoise 9.5 lowpass 900 highpass 150 reverb 80 50 100; at -40 "$B.h0.sox" "$B.h.sox"
  mix "$B.bed.sox" "$B.a.sox" "$B.h.sox"
  # a forklift reversing somewhere, metal clanks, footsteps, a distant voice, all in a big hall
  {
    echo "$M/forklift.sox 4.0 0.03"
    echo "$M/forklift.sox 12.5 0.02"
    echo "$M/clank.sox 8.3 0.07"; echo "$M/clank.sox 15.2 0.05"
    steps 801 1.0 10 0.6 0.06
    talk 802 $L 1 0.04
  } | place "$B.e0.sox" $((L + 5))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 2500 reverb 90 50 100 0 30 0
  at -28 "$B.e1.sox" "$B.ev.sox"
  # the low hum of lights and chillers: 50 Hz and harmonics, whole cycles per loop
  genc 3 "$B.t0.sox" synth $((L + 1)) sine 50 sine 100 sine 150 remix 1v0.3,2v0.2,3v0.08 tremolo 0.5 20
  at -33 "$B.t0.sox" "$B.tone.sox"
  finish_ambient warehouse $L "$B.bed.sox" "$B.ev.sox" "$B.tone.sox"
}

amb_site() {
  local L=16 B=$TMP/si
  # outdoor air and wind gusts
  noise "$B.w0.sox" $((L + XF)) pinknoise 10.5 lowpass 600 tremolo 0.21 50;  at -35 "$B.w0.sox" "$B.w.sox"
  noise "$B.a0.sox" $((L + XF)) brownnoise 11.5 lowpass 200;                 at -36 "$B.a0.sox" "$B.a.sox"
  mix "$B.bed.sox" "$B.w.sox" "$B.a.sox"
  # distant diesel machinery: a throbbing engine that labours and eases (periodic in the loop)
  gen "$TMP/_e1.sox" synth $((L + 1)) sawtooth 31 vol 0.3 lowpass 260 tremolo 0.25 40
  gen "$TMP/_e2.sox" synth $((L + 1)) square 62 vol 0.1 lowpass 400 tremolo 0.125 60
  mix "$B.t0.sox" "$TMP/_e1.sox" "$TMP/_e2.sox"
  fx "$B.t0.sox" "$B.t1.sox" reverb 50 70 100
  at -29 "$B.t1.sox" "$B.tone.sox"
  # bursts of distant hammering, a clank, a reversing beeper far away
  {
    for t in 2.0 2.45 2.9 3.35 3.8   9.0 9.4 9.8 10.2 10.6 11.0  14.1 14.55; do echo "$M/knock.sox $t 0.045"; done
    echo "$M/clank.sox 6.3 0.05"
    echo "$M/forklift.sox 12.0 0.012"
  } | place "$B.e0.sox" $((L + 4))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 2000 reverb 70 60 100 0 60 -2
  at -29 "$B.e1.sox" "$B.ev.sox"
  finish_ambient site $L "$B.bed.sox" "$B.ev.sox" "$B.tone.sox"
}

amb_hotel() {
  local L=16 B=$TMP/ho
  noise "$B.a0.sox" $((L + XF)) brownnoise 12.5 lowpass 250;                at -38 "$B.a0.sox" "$B.a.sox"
  murmur_bed "$B.m0.sox" $((L + XF)) 61 500; fx "$B.m0.sox" "$B.m1.sox" lowpass 1500; at -37 "$B.m1.sox" "$B.m.sox"
  mix "$B.bed.sox" "$B.a.sox" "$B.m.sox"
  # a hushed lobby: two quiet voices, the reception bell, someone crossing the carpet
  {
    talk 901 $L 2 0.07
    echo "$M/bell.sox 7.0 0.06"
    steps 902 10.0 9 0.6 0.04
  } | place "$B.e0.sox" $((L + 4))
  fx "$B.e0.sox" "$B.e1.sox" lowpass 3000 reverb 70 60 90 0 20 -3
  at -28 "$B.e1.sox" "$B.ev.sox"
  finish_ambient hotel $L "$B.bed.sox" "$B.ev.sox"
}

amb_call_centre
amb_service_counter
amb_station
amb_train
amb_shop
amb_restaurant
amb_office
amb_warehouse
amb_site
amb_hotel

# ---------------------------------------------------------------------------
# UI sounds (< 300 ms)
# ---------------------------------------------------------------------------
echo "ui sounds:"
U=$TMP/ui

# ui-click: a crisp tick with a short pitched body
noise "$U.c1.sox" 0.006 whitenoise 0.3 highpass 2500 fade l 0 0.006 0.006
tone "$U.c2.sox" 0.07 0.3 "1400:0.6 2800:0.15 4200:0.05" sine 0.001
mix "$U.c3.sox" "$U.c1.sox" "$U.c2.sox"
fx "$U.c3.sox" "$U.click.sox" norm -7
encode "$U.click.sox" ui-click

# ui-hover: a very soft, short tick
tone "$U.h1.sox" 0.035 0.12 "2600:0.6 5200:0.1" sine 0.002
fx "$U.h1.sox" "$U.hover.sox" lowpass 6000 norm -18
encode "$U.hover.sox" ui-hover

# ui-select: two quick rising notes (choice confirmed)
tone "$U.s1.sox" 0.07 0.6 "880:0.6 1760:0.15 2640:0.05" triangle
tone "$U.s2.sox" 0.16 0.7 "1318.5:0.6 2637:0.15 3956:0.05" triangle
sox -R "$U.s1.sox" "$U.s2.sox" "$U.s3.sox"
fx "$U.s3.sox" "$U.select.sox" lowpass 5000 norm -6
encode "$U.select.sox" ui-select

# ui-back: two quick falling notes, softer
tone "$U.b1.sox" 0.07 0.6 "1174.7:0.6 2349:0.1" triangle
tone "$U.b2.sox" 0.13 0.5 "784:0.6 1568:0.1" triangle
sox -R "$U.b1.sox" "$U.b2.sox" "$U.b3.sox"
fx "$U.b3.sox" "$U.back.sox" lowpass 4000 norm -9
encode "$U.back.sox" ui-back

# ui-type: a tiny typewriter tick for text reveal (< 40 ms)
noise "$U.t1.sox" 0.025 whitenoise 0.5 bandpass 3200 1.2o fade l 0 0.025 0.025
tone "$U.t2.sox" 0.025 0.08 "1900:0.4" sine 0.001
mix "$U.t3.sox" "$U.t1.sox" "$U.t2.sox"
fx "$U.t3.sox" "$U.type.sox" norm -20
encode "$U.type.sox" ui-type

# ui-timer: a woodblock-like tick for the last seconds of a countdown
tone "$U.w1.sox" 0.11 0.35 "1050:0.6 2680:0.15 4100:0.05" sine 0.001
noise "$U.w2.sox" 0.004 whitenoise 0.7 highpass 2000
mix "$U.w3.sox" "$U.w1.sox" "$U.w2.sox"
fx "$U.w3.sox" "$U.timer.sox" norm -8
encode "$U.timer.sox" ui-timer

# ui-timeout: a short falling buzz, time ran out
gen "$U.o1.sox" synth 0.27 square 466-311 vol 0.4 lowpass 1600 fade t 0.005 0.27 0.09
gen "$U.o2.sox" synth 0.27 square 440-294 vol 0.4 lowpass 1600 fade t 0.005 0.27 0.09
mix "$U.o3.sox" "$U.o1.sox" "$U.o2.sox"
fx "$U.o3.sox" "$U.timeout.sox" norm -9
encode "$U.timeout.sox" ui-timeout

# ---------------------------------------------------------------------------
# mood cues (0.5–1.2 s)
# ---------------------------------------------------------------------------
echo "mood cues:"
C=$TMP/cue

# mood-up: a gentle rising two-note chime (E5 then A5)
tone "$C.u1.sox" 1.05 3 "659.25:0.6 1318.5:0.12 2637:0.03 2780:0.02"
tone "$C.u2.sox" 0.85 3 "880:0.6 1760:0.12 3520:0.03 3706:0.02"
fx "$C.u2.sox" "$C.u2p.sox" pad 0.18
mix "$C.u3.sox" "$C.u1.sox" "$C.u2p.sox"
fx "$C.u3.sox" "$C.up.sox" pad 0 0.15 reverb 40 50 50 0 0 -3 trim 0 1.1 fade t 0 1.1 0.2 norm -5
encode "$C.up.sox" mood-up

# mood-down: a low falling tone, a semitone apart (beating, uneasy)
genc 3 "$C.d1.sox" synth 0.9 triangle 196-147 triangle 207.65-155.6 sine 98-73.4 remix 1v0.3,2v0.25,3v0.12 \
  fade h 0.06 0.9 0.35 lowpass 1400
fx "$C.d1.sox" "$C.down.sox" pad 0 0.1 reverb 30 60 40 0 0 -5 norm -6
encode "$C.down.sox" mood-down

# mood-break: a dull thud, then a falling tail
genc 2 "$C.k1.sox" synth 0.5 sine 110-50 sine 220-100 remix 1v0.4,2v0.12 fade t 0.002 fade l 0 0.5 0.5 trim 0 0.35
noise "$C.k2.sox" 0.12 brownnoise 0.9 lowpass 450 fade l 0 0.12 0.12
mix "$C.k3.sox" "$C.k1.sox" "$C.k2.sox"
gen "$C.k4.sox" synth 0.95 triangle 330-98 vol 0.5 lowpass 1000 fade h 0.08 0.95 0.6 vol 0.25
fx "$C.k4.sox" "$C.k5.sox" pad 0.12
mix "$C.k6.sox" "$C.k3.sox" "$C.k5.sox"
fx "$C.k6.sox" "$C.brk.sox" pad 0 0.3 reverb 35 60 50 0 0 -6 trim 0 1.15 fade t 0 1.15 0.15 norm -4
encode "$C.brk.sox" mood-break

# ---------------------------------------------------------------------------
# outcome stingers (2–4 s)
# ---------------------------------------------------------------------------
echo "stingers:"
G=$TMP/sting

# epiano NOTE-FREQ LEN OUT: a warm struck note
epiano() { tone "$3" "$2" 7 "$1:0.6 $(calc "$1 * 2"):0.18 $(calc "$1 * 3"):0.05 $(calc "$1 * 4"):0.02" sine 0.008; }

# stinger-won-back: rising C major arpeggio opening onto a warm add9 swell and a high sparkle
epiano 261.63 3.2 "$G.w1.sox"; epiano 329.63 3.1 "$G.w2.sox"; epiano 392.00 3.0 "$G.w3.sox"; epiano 523.25 2.9 "$G.w4.sox"
padnote "$G.wp.sox" 2.7 0.5 1.6 "130.81:0.3 261.63:0.2 329.63:0.18 392.00:0.18 587.33:0.12" triangle
tone "$G.ws.sox" 2.5 4 "1318.5:0.3 2637:0.05 1975.5:0.15"
{
  echo "$G.w1.sox 0 0.5"; echo "$G.w2.sox 0.13 0.5"; echo "$G.w3.sox 0.26 0.5"; echo "$G.w4.sox 0.39 0.55"
  echo "$G.wp.sox 0.55 0.6"; echo "$G.ws.sox 0.62 0.35"
} | place "$G.w0.sox" 3.6
fx "$G.w0.sox" "$G.won.sox" lowpass 5000 reverb 55 50 70 0 10 -3 trim 0 3.6 fade t 0 3.6 1.0 norm -3
encode "$G.won.sox" stinger-won-back

# stinger-resolved: a plain V -> I cadence
for f in 196.00 246.94 293.66; do epiano "$f" 0.6 "$G.r$f.sox"; done
for f in 261.63 329.63 392.00 130.81; do epiano "$f" 2.1 "$G.r$f.sox"; done
{
  echo "$G.r196.00.sox 0 0.4"; echo "$G.r246.94.sox 0.02 0.35"; echo "$G.r293.66.sox 0.04 0.35"
  echo "$G.r130.81.sox 0.42 0.4"; echo "$G.r261.63.sox 0.42 0.4"; echo "$G.r329.63.sox 0.45 0.35"; echo "$G.r392.00.sox 0.48 0.35"
} | place "$G.r0.sox" 2.6
fx "$G.r0.sox" "$G.res.sox" lowpass 4500 reverb 40 50 50 0 5 -4 trim 0 2.6 fade t 0 2.6 0.8 norm -3
encode "$G.res.sox" stinger-resolved

# stinger-unresolved: a suspended chord (D sus4 over a soft pulse) that never resolves
for f in 146.83 293.66 392.00 440.00 587.33; do epiano "$f" 3.0 "$G.u$f.sox"; done
padnote "$G.up.sox" 2.8 0.6 1.4 "146.83:0.3 293.66:0.2 392.00:0.2 440.00:0.2" triangle
{
  echo "$G.u146.83.sox 0 0.35"; echo "$G.u293.66.sox 0 0.3"; echo "$G.u392.00.sox 0.05 0.3"; echo "$G.u440.00.sox 0.10 0.3"
  echo "$G.u587.33.sox 0.9 0.2"; echo "$G.up.sox 0.2 0.45"
} | place "$G.u0.sox" 3.1
fx "$G.u0.sox" "$G.unr.sox" lowpass 3500 tremolo 3 12 reverb 50 50 60 0 10 -3 trim 0 3.1 fade t 0 3.1 1.0 norm -4
encode "$G.unr.sox" stinger-unresolved

# stinger-escalated: a low C minor hit with a clashing semitone, pulsing
gen "$G.e1.sox" synth 6 sine 65.41 fade t 0.005 fade l 0 6 6 trim 0 3.2 vol 0.4
gen "$G.e2.sox" synth 0.4 sine 80-40 fade l 0 0.4 0.4 vol 0.4
padnote "$G.e3.sox" 3.1 0.15 1.5 "130.81:0.25 155.56:0.22 196.00:0.2 138.59:0.12 185.00:0.1" sawtooth
fx "$G.e3.sox" "$G.e4.sox" lowpass 900 tremolo 6 35
noise "$G.e5.sox" 0.5 brownnoise 1.9 lowpass 400 fade l 0 0.5 0.5 vol 0.5
mix "$G.e6.sox" "$G.e1.sox" "$G.e2.sox" "$G.e4.sox" "$G.e5.sox"
fx "$G.e6.sox" "$G.esc.sox" reverb 45 60 70 0 0 -5 trim 0 3.2 fade t 0 3.2 1.0 norm -3
encode "$G.esc.sox" stinger-escalated

# stinger-left-silently: a door closing softly (thump + latch click), then an empty room fading out
gen "$G.l1.sox" synth 0.25 sine 90-55 fade t 0.003 fade l 0 0.25 0.25 trim 0 0.2 vol 0.5
noise "$G.l2.sox" 0.08 brownnoise 2.3 lowpass 600 fade l 0 0.08 0.08 vol 0.6
noise "$G.l3.sox" 0.006 whitenoise 2.4 bandpass 2200 1o fade l 0 0.006 0.006
noise "$G.l4.sox" 0.008 whitenoise 2.5 bandpass 1600 1o fade l 0 0.008 0.008
{
  echo "$G.l1.sox 0.05 1"; echo "$G.l2.sox 0.05 1"; echo "$G.l3.sox 0.13 0.35"; echo "$G.l4.sox 0.19 0.45"
} | place "$G.l5.sox" 0.8
fx "$G.l5.sox" "$G.l6.sox" reverb 30 50 30 0 0 -6 norm -8
noise "$G.l7.sox" 3.6 brownnoise 2.7 lowpass 300 vol 0.9
noise "$G.l8.sox" 3.6 pinknoise 2.8 lowpass 1500 highpass 200 vol 0.03
mix "$G.l9.sox" "$G.l7.sox" "$G.l8.sox"
g=$(calc "-40 - ($(rms_db "$G.l9.sox"))")   # room tone about -40 dBFS RMS
fx "$G.l9.sox" "$G.l10.sox" gain "$g" fade h 0.4 3.6 3.0
mix "$G.l11.sox" "$G.l6.sox" "$G.l10.sox"
fx "$G.l11.sox" "$G.left.sox" trim 0 3.6
encode "$G.left.sox" stinger-left-silently

echo "done: $(ls "$OUT"/*.ogg | wc -l) ogg files$([ "$MP3" = 1 ] && echo " + mp3") in $OUT ($(du -ch "$OUT"/*.ogg | tail -1 | cut -f1))"
