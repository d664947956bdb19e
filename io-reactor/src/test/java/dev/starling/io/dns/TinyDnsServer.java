package dev.starling.io.dns;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsRawRecord;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A UDP DNS server on 127.0.0.1 for tests (RFC 1035 §4 through Netty's DNS codecs): answers SRV questions
 * from a fixed table and NXDOMAIN for every other name. It records the names it was asked.
 */
final class TinyDnsServer implements AutoCloseable {

    /** An SRV answer: priority, weight, port, target ("." for none). */
    record Srv(int priority, int weight, int port, String target) {
    }

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private final ConcurrentLinkedQueue<String> questions = new ConcurrentLinkedQueue<>();

    /** Starts serving {@code zone}: absolute names (with the final dot) to their SRV records. */
    TinyDnsServer(Map<String, Seq<Srv>> zone) throws InterruptedException {
        channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<DatagramChannel>() {
                    @Override
                    protected void initChannel(DatagramChannel ch) {
                        ch.pipeline().addLast(new DatagramDnsQueryDecoder(), new DatagramDnsResponseEncoder(),
                                new Responder(zone));
                    }
                })
                .bind("127.0.0.1", 0).sync().channel();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** The names asked so far, lower case. */
    List<String> questions() {
        return List.ofAll(questions);
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Responder extends SimpleChannelInboundHandler<DatagramDnsQuery> {
        private final Map<String, Seq<Srv>> zone;

        Responder(Map<String, Seq<Srv>> zone) {
            this.zone = zone;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramDnsQuery query) {
            DnsQuestion question = query.recordAt(DnsSection.QUESTION);
            String name = question.name().toLowerCase(Locale.ROOT);
            questions.add(name);
            DatagramDnsResponse response = new DatagramDnsResponse(query.recipient(), query.sender(), query.id());
            response.setAuthoritativeAnswer(true);
            response.setRecursionAvailable(true);
            response.addRecord(DnsSection.QUESTION, question);
            if (question.type() != DnsRecordType.SRV || !zone.containsKey(name)) {
                response.setCode(DnsResponseCode.NXDOMAIN);
            } else {
                for (Srv srv : zone.get(name).get()) {
                    response.addRecord(DnsSection.ANSWER,
                            new DefaultDnsRawRecord(question.name(), DnsRecordType.SRV, 300, rdata(srv)));
                }
            }
            ctx.writeAndFlush(response);
        }
    }

    /** RFC 2782 RDATA with an uncompressed target name (RFC 1035 §3.1). */
    private static ByteBuf rdata(Srv srv) {
        ByteBuf data = Unpooled.buffer();
        data.writeShort(srv.priority()).writeShort(srv.weight()).writeShort(srv.port());
        if (!srv.target().equals(".")) {
            for (String label : srv.target().split("\\.")) {
                byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
                data.writeByte(bytes.length).writeBytes(bytes);
            }
        }
        return data.writeByte(0);
    }
}
