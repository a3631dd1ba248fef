package org.jpbx.dialplan;

/** The values of ${DIALSTATUS}, as app_dial sets them. */
public enum DialStatus { ANSWER, BUSY, NOANSWER, CANCEL, CONGESTION, CHANUNAVAIL, DONTCALL, TORTURE, INVALIDARGS }
