# The median of the numbers on standard input, one per line (0 when there are none); an even count averages the middle
# two. Printed with up to 10 significant digits: awk's default (%.6g) turned 2,239,900 into 2.2399e+06.
median() {
  sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print 0; else printf "%.10g\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}
