/* ferry-dirty WSS_MIB RATE_MBPS: touches a WSS_MIB working set, dirtying RATE_MBPS decimal
 * megabytes per second (one write per 4 KiB page, paced every 10 ms), round-robin.
 *
 * Each write stores the round's number in its page, and first checks that the page still holds
 * the previous round's. A live migration that loses a write (the page is not re-sent after the
 * guest wrote it, so the destination has an older copy) is thereby seen after the switch-over:
 * the program prints "ferry-dirty: LOST WRITE ..." on the console, where the VIM's console check
 * finds it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec / 1e9; }
int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: %s WSS_MIB RATE_MBPS\n", argv[0]); return 1; }
  size_t pages = (size_t) atol(argv[1]) * 256;
  double rate = atof(argv[2]) * 1e6 / 4096.0; /* pages per second */
  volatile unsigned char *m = malloc(pages * 4096);
  if (!m) { perror("malloc"); return 1; }
  for (size_t i = 0; i < pages; i++) m[i * 4096] = 1; /* make the working set resident */
  printf("ferry-dirty: %zu pages, %.0f pages/s\n", pages, rate);
  fflush(stdout);
  double start = now(), done = 0; size_t next = 0; unsigned char v = 2;
  unsigned long lost = 0;
  for (;;) {
    double due = (now() - start) * rate;
    while (done < due) {
      unsigned char found = m[next * 4096], expected = (unsigned char) (v - 1);
      if (found != expected && ++lost <= 5) { /* the first few, not a flood on the console */
        printf("ferry-dirty: LOST WRITE page %zu holds round %u, expected %u (%lu so far)\n",
               next, found, expected, lost);
        fflush(stdout);
      }
      m[next * 4096] = v;
      if (++next == pages) { next = 0; v++; }
      done++;
    }
    struct timespec s = {0, 10 * 1000 * 1000};
    nanosleep(&s, NULL);
  }
}
