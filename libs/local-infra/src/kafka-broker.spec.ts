import { brokerCouldNotBind } from './kafka-broker';

// Lines as Kafka 4.3.1 writes them to broker.log, cut short. The cause comes many stack frames
// below the first line, out of the tail that the start's error shows, and its message may be in
// the system's language.
const BIND_FAILURE = `[2026-12-07 13:58:05,020] ERROR Unable to start acceptor for PLAINTEXT (kafka.network.DataPlaneAcceptor)
org.apache.kafka.common.KafkaException: Socket server failed to bind to 127.0.0.1:36803: Address already in use.
	at org.apache.kafka.server.ServerSocketFactory$KafkaServerSocketFactory.openServerSocket(ServerSocketFactory.java:56) ~[kafka-server-4.3.1.jar:?]
	at kafka.Kafka.main(Kafka.scala) [kafka_2.13-4.3.1.jar:?]
Caused by: java.net.BindException: Address already in use
	at java.base/sun.nio.ch.Net.bind0(Native Method) ~[?:?]
	... 18 more
[2026-12-07 13:58:05,175] ERROR [BrokerServer id=1] Fatal error during broker startup. Prepare to shutdown (kafka.server.BrokerServer)
`;

const OTHER_FAILURE = `[2026-12-07 13:59:40,887] ERROR Exiting Kafka due to fatal exception (kafka.Kafka$)
java.lang.RuntimeException: Stored node id 2 doesn't match previous node id 1 in /tmp/k/kraft-logs/meta.properties. If you moved your data, make sure your configured node id matches. If you intend to create a new node, you should remove all data in your data directories.
	at org.apache.kafka.metadata.properties.MetaPropertiesEnsemble.verify(MetaPropertiesEnsemble.java:513) ~[kafka-metadata-4.3.1.jar:?]
	at kafka.server.KafkaRaftServer$.initializeLogDirs(KafkaRaftServer.scala:140) ~[kafka_2.13-4.3.1.jar:?]
`;

describe('telling a broker that could not bind a port from one that failed otherwise', () => {
  it('finds the bind failure below the stack frames that hide it from the tail of the log', () => {
    expect(brokerCouldNotBind(BIND_FAILURE)).toBe(true);
  });

  it('does not take another failure to start for a port held for a moment', () => {
    expect(brokerCouldNotBind(OTHER_FAILURE)).toBe(false);
  });
});
