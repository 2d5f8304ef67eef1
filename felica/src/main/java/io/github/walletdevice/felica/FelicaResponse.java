package io.github.walletdevice.felica;

/**
 * A FeliCa response frame, one record type per response code; any other code is an {@link UnknownResponse}.
 * Responses that carry status flags implement {@link StatusFlagResponse}. Decode with
 * {@link FelicaDecoder#decodeResponse(byte[])} or, to check the answer against the command sent,
 * {@link FelicaDecoder#decodeResponse(byte[], FelicaCommand)}.
 */
public sealed interface FelicaResponse extends FelicaFrame
        permits StatusFlagResponse, PollingResponse, RequestServiceResponse, RequestResponseResponse,
                SearchServiceCodeResponse, RequestSystemCodeResponse, RequestBlockInformationResponse,
                Authentication1Response, Authentication2Response, GetContainerIdResponse, UnknownResponse {
}
