package org.ferry.epc.diameter;

/**
 * Codes of the S6a interface (3GPP TS 29.272) and the Diameter base (RFC 6733) that the stand-ins
 * use.
 */
public final class S6a {
  private S6a() {}

  /** The S6a/S6d application. */
  public static final long APPLICATION_ID = 16777251L;
  /** 3GPP's vendor id. */
  public static final long VENDOR_3GPP = 10415L;

  /** Capabilities-Exchange (RFC 6733 §5.3). */
  public static final int CMD_CAPABILITIES_EXCHANGE = 257;
  /** Device-Watchdog (RFC 6733 §5.5). */
  public static final int CMD_DEVICE_WATCHDOG = 280;
  /** Update-Location (TS 29.272 §7.2.3). */
  public static final int CMD_UPDATE_LOCATION = 316;
  /** Authentication-Information (TS 29.272 §7.2.5). */
  public static final int CMD_AUTHENTICATION_INFORMATION = 318;

  /** DIAMETER_SUCCESS. */
  public static final long RESULT_SUCCESS = 2001;
  /** DIAMETER_UNABLE_TO_COMPLY. */
  public static final long RESULT_UNABLE_TO_COMPLY = 5012;
  /** DIAMETER_ERROR_USER_UNKNOWN (an Experimental-Result-Code, TS 29.272 §7.4.3). */
  public static final long EXPERIMENTAL_USER_UNKNOWN = 5001;

  // Base AVPs (RFC 6733)
  public static final int USER_NAME = 1;
  public static final int HOST_IP_ADDRESS = 257;
  public static final int AUTH_APPLICATION_ID = 258;
  public static final int SESSION_ID = 263;
  public static final int ORIGIN_HOST = 264;
  public static final int VENDOR_ID = 266;
  public static final int RESULT_CODE = 268;
  public static final int PRODUCT_NAME = 269;
  public static final int AUTH_SESSION_STATE = 277;
  public static final int DESTINATION_REALM = 283;
  public static final int EXPERIMENTAL_RESULT = 297;
  public static final int EXPERIMENTAL_RESULT_CODE = 298;
  public static final int ORIGIN_REALM = 296;

  // 3GPP AVPs (TS 29.272 §7.3, TS 29.229, TS 29.212)
  public static final int MSISDN = 701;
  public static final int RAT_TYPE = 1032;
  public static final int SUBSCRIPTION_DATA = 1400;
  public static final int ULR_FLAGS = 1405;
  public static final int ULA_FLAGS = 1406;
  public static final int VISITED_PLMN_ID = 1407;
  public static final int REQUESTED_EUTRAN_AUTHENTICATION_INFO = 1408;
  public static final int NUMBER_OF_REQUESTED_VECTORS = 1410;
  public static final int AUTHENTICATION_INFO = 1413;
  public static final int E_UTRAN_VECTOR = 1414;
  public static final int APN_CONFIGURATION_PROFILE = 1429;
  public static final int AMBR = 1435;
  public static final int RAND = 1447;
  public static final int XRES = 1448;
  public static final int AUTN = 1449;
  public static final int KASME = 1450;
  public static final int SERVICE_SELECTION = 493;
  public static final int MAX_REQUESTED_BANDWIDTH_UL = 516;
  public static final int MAX_REQUESTED_BANDWIDTH_DL = 515;

  /** RAT-Type EUTRAN. */
  public static final long RAT_EUTRAN = 1004;
}
