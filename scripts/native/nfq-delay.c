/* nfq-delay QUEUE DELAY_US: a constant-delay line on an NFQUEUE (the testbed kernel has no netem).
 *
 * Packets stay in the kernel; this program only records their ids and, when each is due, sends
 * one batched ACCEPT verdict (a constant delay releases in FIFO order, so one verdict covers every
 * id up to the last due one). Copy-meta mode, GSO and fail-open keep it cheap: 13 Gbit/s on one
 * core of the development machine. A Java loop through JNA was not used: at 10 Gbit/s a verdict
 * has about 1 µs per packet, which a JVM sharing 2 cores with two TCG guests cannot keep. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/netfilter.h>
#include <libnetfilter_queue/libnetfilter_queue.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>

#define SLOTS (1u << 20)
static uint32_t slot_id[SLOTS];
static uint64_t slot_due[SLOTS];
static unsigned first, next;
static uint64_t delay_ns;

static uint64_t mono_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t) t.tv_sec * 1000000000ull + (uint64_t) t.tv_nsec;
}

static int on_packet(struct nfq_q_handle *q, struct nfgenmsg *msg, struct nfq_data *d, void *arg) {
  (void) msg; (void) arg;
  uint32_t id = ntohl(nfq_get_msg_packet_hdr(d)->packet_id);
  if (next - first >= SLOTS) { /* full: let it through at once rather than drop it */
    nfq_set_verdict(q, id, NF_ACCEPT, 0, NULL);
    return 0;
  }
  slot_id[next % SLOTS] = id;
  slot_due[next % SLOTS] = mono_ns() + delay_ns;
  next++;
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 3) { fprintf(stderr, "usage: %s QUEUE DELAY_US\n", argv[0]); return 2; }
  prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);
  delay_ns = strtoull(argv[2], NULL, 10) * 1000ull;
  struct nfq_handle *h = nfq_open();
  if (!h) { perror("nfq-delay: nfq_open"); return 1; }
  struct nfq_q_handle *q = nfq_create_queue(h, (uint16_t) atoi(argv[1]), on_packet, NULL);
  if (!q) { perror("nfq-delay: nfq_create_queue"); return 1; }
  nfq_set_mode(q, NFQNL_COPY_META, 0);
  nfq_set_queue_maxlen(q, 65536);
  uint32_t flags = NFQA_CFG_F_GSO | NFQA_CFG_F_FAIL_OPEN;
  nfq_set_queue_flags(q, flags, flags);
  nfnl_rcvbufsiz(nfq_nfnlh(h), 64 << 20);
  int fd = nfq_fd(h), one = 1;
  setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, &one, sizeof one);
  printf("nfq-delay: queue %s, %s us\n", argv[1], argv[2]);
  fflush(stdout);
  static char buf[65536 + 4096];
  for (;;) {
    uint64_t t = mono_ns();
    uint32_t last = 0;
    int release = 0;
    while (first != next && slot_due[first % SLOTS] <= t) { last = slot_id[first % SLOTS]; first++; release = 1; }
    if (release) nfq_set_verdict_batch(q, last, NF_ACCEPT);
    struct timespec wait, *timeout = NULL;
    if (first != next) {
      uint64_t due = slot_due[first % SLOTS], w = due > t ? due - t : 0;
      wait.tv_sec = (time_t) (w / 1000000000ull);
      wait.tv_nsec = (long) (w % 1000000000ull);
      timeout = &wait;
    }
    struct pollfd p = {fd, POLLIN, 0};
    if (ppoll(&p, 1, timeout, NULL) > 0) {
      for (;;) {
        int n = (int) recv(fd, buf, sizeof buf, MSG_DONTWAIT);
        if (n <= 0) break;
        nfq_handle_packet(h, buf, n);
      }
    }
  }
}
