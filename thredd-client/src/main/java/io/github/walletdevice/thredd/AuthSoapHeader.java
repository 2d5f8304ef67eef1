package io.github.walletdevice.thredd;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;

/** The SOAP header carrying the web service credentials. */
@XmlRootElement(name = "AuthSoapHeader")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(propOrder = {"userName", "password"})
final class AuthSoapHeader {
    @XmlElement(name = "strUserName")
    String userName;
    @XmlElement(name = "strPassword")
    String password;

    AuthSoapHeader() {
    }

    AuthSoapHeader(String userName, String password) {
        this.userName = userName;
        this.password = password;
    }

    /** Never the password. */
    @Override
    public String toString() {
        return "AuthSoapHeader[strUserName=" + userName + ", strPassword=***]";
    }
}
