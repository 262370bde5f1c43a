import NIOCore
import NIOHTTPTypes

/// Closes a connection whose client is too slow to send a request: the head must be complete within
/// `headerTimeout` of the connection opening, the body within `bodyTimeout` of the head.
///
/// Hummingbird's `idleTimeout` closes a connection that delivers no request part for a while, but a client that
/// sends one body byte just before each timeout keeps a connection, and a handler waiting for its body, forever
/// (slowloris). These deadlines count from the start, whatever trickles in. Between requests on a kept-alive
/// connection the idle timeout applies; a head sent there byte by byte is no request part either, so the idle
/// timeout also bounds it.
final class RequestDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let headerTimeout: TimeAmount
    private let bodyTimeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var startedHeaderDeadline = false

    init(headerTimeout: Duration, bodyTimeout: Duration) {
        self.headerTimeout = TimeAmount(headerTimeout)
        self.bodyTimeout = TimeAmount(bodyTimeout)
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { startHeaderDeadline(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        startHeaderDeadline(context)
        context.fireChannelActive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { cancel() }

    func channelInactive(context: ChannelHandlerContext) {
        cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head: schedule(context, in: bodyTimeout)
        case .body: break
        case .end: cancel()
        }
        context.fireChannelRead(data)
    }

    private func startHeaderDeadline(_ context: ChannelHandlerContext) {
        // Only the first request of a connection: later ones are bounded by the idle timeout (see above).
        guard !startedHeaderDeadline else { return }
        startedHeaderDeadline = true
        schedule(context, in: headerTimeout)
    }

    private func schedule(_ context: ChannelHandlerContext, in timeout: TimeAmount) {
        cancel()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: timeout) {
            loopBound.value.close(promise: nil)
        }
    }

    private func cancel() {
        deadline?.cancel()
        deadline = nil
    }
}

@available(*, unavailable)
extension RequestDeadlineHandler: Sendable {}
